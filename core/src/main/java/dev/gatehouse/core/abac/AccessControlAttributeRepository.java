package dev.gatehouse.core.abac;

import java.util.Map;

/** The instance's mapping "principal tag key ← user attribute" (AWS: attributes for access control). */
public interface AccessControlAttributeRepository {

    /** Tag key → attribute name; empty when none is configured. */
    Map<String, String> mapping();

    void replaceMapping(Map<String, String> tagKeyToAttribute);
}
