package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The routes take the functions by type (docs/architecture.md, "Modules and their packages"), so in the host that
 * carries every capability no two functions may share a type: one more with a type already taken would be wired
 * by its bean name instead, and a misnamed one would compile. Suppliers of {@code Mono<String>} are the jobs a
 * scheduler starts by name (reconcileBots, rotateSigningKey, settlePaperOrders); no route takes them.
 */
@HostTest
class FunctionWiringTest {

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
    }

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void everyFunctionHasATypeOfItsOwn() {
        Map<String, List<String>> byType = typesOf(Function.class);
        assertThat(byType).hasSizeGreaterThan(30)
                .allSatisfy((type, names) -> assertThat(names).as(type).hasSize(1));
    }

    @Test
    void everySupplierARouteTakesHasATypeOfItsOwn() {
        Map<String, List<String>> byType = typesOf(Supplier.class);
        byType.remove("java.util.function.Supplier<reactor.core.publisher.Mono<java.lang.String>>");
        assertThat(byType).isNotEmpty().allSatisfy((type, names) -> assertThat(names).as(type).hasSize(1));
    }

    private Map<String, List<String>> typesOf(Class<?> kind) {
        return Arrays.stream(beans.getBeanNamesForType(kind))
                .collect(Collectors.groupingBy(name -> beans.getMergedBeanDefinition(name).getResolvableType().toString()));
    }
}
