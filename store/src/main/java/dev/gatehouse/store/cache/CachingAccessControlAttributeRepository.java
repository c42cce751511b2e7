package dev.gatehouse.store.cache;

import dev.gatehouse.core.abac.AccessControlAttributeRepository;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The instance's one principal-tag mapping, read at every credential mint and replaced only by an administrator. */
final class CachingAccessControlAttributeRepository implements AccessControlAttributeRepository {

    private static final String THE_MAPPING = "mapping";

    private final AccessControlAttributeRepository delegate;
    private final Invalidations invalidations;

    CachingAccessControlAttributeRepository(AccessControlAttributeRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public Map<String, String> mapping() {
        // Unmodifiable, as it is shared; sorted by tag key, as the database answers it.
        return invalidations.read(CacheName.ACCESS_CONTROL_ATTRIBUTES, THE_MAPPING,
                () -> Collections.unmodifiableMap(new TreeMap<>(delegate.mapping())));
    }

    @Override
    public void replaceMapping(Map<String, String> tagKeyToAttribute) {
        delegate.replaceMapping(tagKeyToAttribute);
        invalidations.changed(CacheName.ACCESS_CONTROL_ATTRIBUTES, THE_MAPPING);
    }
}
