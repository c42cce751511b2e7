package dev.gatehouse.core.ldap;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * DN to current Gatehouse name, looked up only when asked: an incremental sync knows the ids of every DN it has seen
 * but reads the names of just the members of the groups that changed (a name may have changed since).
 */
final class NamesByDn extends AbstractMap<String, String> {

    private final Map<String, String> idOfDn;
    private final Function<String, Optional<String>> nameOfId;

    NamesByDn(Map<String, String> idOfDn, Function<String, Optional<String>> nameOfId) {
        this.idOfDn = idOfDn;
        this.nameOfId = nameOfId;
    }

    @Override
    public String get(Object dn) {
        String id = idOfDn.get(dn);
        return id == null ? null : nameOfId.apply(id).orElse(null);
    }

    @Override
    public boolean containsKey(Object dn) {
        return get(dn) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        throw new UnsupportedOperationException("looked up by DN only");
    }
}
