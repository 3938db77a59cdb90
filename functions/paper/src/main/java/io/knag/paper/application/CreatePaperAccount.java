package io.knag.paper.application;

import io.knag.kernel.Validation;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Permission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A new paper account: a label, starting balances (asset to amount, as decimal strings, the way the exchange
 * writes them) and the key's permissions ({@code ["trade"]} when absent). Which assets exist is checked by
 * {@link PaperAccounts}, which knows the markets.
 */
public record CreatePaperAccount(String label, Map<String, String> balances, List<String> permissions) {

    static final BigDecimal MOST = new BigDecimal("1000000000000");

    public CreatePaperAccount {
        label = label == null ? null : label.strip();
        permissions = permissions == null ? List.of(Permission.TRADE.id()) : permissions;
        Validation validation = new Validation();
        validation.name(label, "label", 100);
        validation.require(balances != null && !balances.isEmpty() && balances.size() <= 20, "balances",
                "give between 1 and 20 assets, e.g. {\"USDT\": \"10000\"}");
        if (balances != null) {
            balances.forEach((asset, amount) -> validation.require(amount(amount) != null, "balances." + asset,
                    "must be a decimal string above 0 and at most 1000000000000, with at most 8 decimals"));
        }
        validation.require(permissions.stream().allMatch(p -> p != null && Set.of("trade", "withdraw").contains(p))
                        && permissions.stream().distinct().count() == permissions.size(), "permissions",
                "must be distinct values of trade and withdraw");
        validation.throwIfFailed();
        balances = Collections.unmodifiableMap(new TreeMap<>(balances));
        permissions = List.copyOf(permissions);
    }

    public Map<String, BigDecimal> amounts() {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        balances.forEach((asset, amount) -> amounts.put(asset, amount(amount)));
        return amounts;
    }

    public Set<Permission> granted() {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> granted.add(Permission.of(p)));
        return granted;
    }

    public List<String> assets() {
        return new ArrayList<>(balances.keySet());
    }

    private static BigDecimal amount(String text) {
        if (text == null || !text.matches("[0-9]{1,13}(\\.[0-9]{1,8})?")) {
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        return amount.signum() > 0 && amount.compareTo(MOST) <= 0 ? Decimals.of(amount) : null;
    }
}
