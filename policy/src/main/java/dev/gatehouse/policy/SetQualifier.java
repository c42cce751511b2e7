package dev.gatehouse.policy;

/** {@code ForAllValues:} / {@code ForAnyValue:} (IAM JSON policy elements: Condition, "Set operators"). */
enum SetQualifier {
    NONE(""), FOR_ALL_VALUES("ForAllValues:"), FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
