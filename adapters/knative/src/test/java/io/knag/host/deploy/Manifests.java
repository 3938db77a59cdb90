package io.knag.host.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.knative.serving.v1.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The objects of {@code adapters/knative/deploy/} as {@code kubectl apply -f deploy/} would send them, read with
 * fabric8 (Knative types from {@code knative-model}), and the runtime's documented RBAC to hold them against.
 */
final class Manifests {

    static final Path DEPLOY = Path.of("deploy");
    static final Path RUNTIME_README = Path.of("..", "..", "functions", "runtime-kubernetes", "README.md");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    static Manifests load() {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                objects.addAll(parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(objects);
    }

    /** One YAML stream, one or more documents. */
    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof List<?> documents) {
            documents.forEach(document -> objects.add((HasMetadata) document));
        } else {
            objects.add((HasMetadata) parsed);
        }
        return objects;
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + DEPLOY));
    }

    static Container container(Service service) {
        List<Container> containers = service.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(service.getMetadata().getName() + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    static Map<String, String> annotations(Service service) {
        Map<String, String> annotations = service.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    /** The Role in the "RBAC" section of functions/runtime-kubernetes/README.md: what the runtime says it needs. */
    static Role documentedRuntimeRole() {
        try {
            String readme = Files.readString(RUNTIME_README);
            int section = readme.indexOf("## RBAC");
            int start = readme.indexOf("```yaml", section) + "```yaml".length();
            int end = readme.indexOf("```", start);
            if (section < 0 || start < section || end < 0) {
                throw new AssertionError("no RBAC yaml block in " + RUNTIME_README);
            }
            return (Role) parse(readme.substring(start, end)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "apiGroup/resource" → verbs, so that rules compare however they are grouped. */
    static Map<String, Set<String>> grants(List<PolicyRule> rules) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    grants.computeIfAbsent(group + "/" + resource, k -> new TreeSet<>()).addAll(rule.getVerbs());
                }
            }
        }
        return grants;
    }
}
