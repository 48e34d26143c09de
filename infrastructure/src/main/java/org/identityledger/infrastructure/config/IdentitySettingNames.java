package org.identityledger.infrastructure.config;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.util.unit.DataSize;

import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every {@code identity.*} name the service reads, derived from the settings classes themselves, so
 * a new setting is known the moment it is declared and nothing keeps a second list. A map property
 * accepts any key below it (its keys are checked by whoever owns the map).
 */
final class IdentitySettingNames {

    private final List<ConfigurationPropertyName> leaves = new ArrayList<>();
    private final List<ConfigurationPropertyName> maps = new ArrayList<>();

    IdentitySettingNames(Map<String, Class<?>> settingsClassesByPrefix, Collection<String> plainNames) {
        settingsClassesByPrefix.forEach((prefix, type) -> walk(ConfigurationPropertyName.of(prefix), type));
        plainNames.forEach(name -> leaves.add(ConfigurationPropertyName.of(name)));
    }

    /** Every setting (maps by their prefix), in canonical dashed form. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        leaves.forEach(name -> all.add(name.toString()));
        maps.forEach(name -> all.add(name.toString()));
        return all;
    }

    boolean isKnown(ConfigurationPropertyName name) {
        for (ConfigurationPropertyName map : maps) {
            if (map.isAncestorOf(name)) {
                return true;
            }
        }
        for (ConfigurationPropertyName leaf : leaves) {
            // A list setting may also be given by index (identity.abuse.trusted-proxies[0]).
            if (leaf.equals(name) || leaf.isAncestorOf(name) && name.isLastElementIndexed()) {
                return true;
            }
        }
        return false;
    }

    /** The known name closest to an unknown one, for a "did you mean" hint. */
    String closestTo(ConfigurationPropertyName unknown) {
        String wanted = unknown.toString();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<ConfigurationPropertyName> all = new ArrayList<>(leaves);
        all.addAll(maps);
        for (ConfigurationPropertyName candidate : all) {
            int distance = distance(wanted, candidate.toString());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate.toString();
            }
        }
        return bestDistance <= Math.max(3, wanted.length() / 4) ? best : null;
    }

    private void walk(ConfigurationPropertyName prefix, Class<?> type) {
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getReadMethod() == null || "class".equals(property.getName())) {
                continue;
            }
            ConfigurationPropertyName name = prefix.append(ConfigurationPropertyName.of(kebabCase(property.getName())));
            Class<?> propertyType = property.getPropertyType();
            if (Map.class.isAssignableFrom(propertyType)) {
                maps.add(name);
            } else if (isNested(propertyType)) {
                walk(name, propertyType);
            } else {
                leaves.add(name);
            }
        }
    }

    /** browserIdleTimeout → browser-idle-timeout, as the README and Spring's canonical form spell it. */
    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isNested(Class<?> type) {
        return type.getName().startsWith("org.identityledger.") && !type.isEnum() && !type.isRecord()
                && type != Path.class && type != Duration.class && type != DataSize.class;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
