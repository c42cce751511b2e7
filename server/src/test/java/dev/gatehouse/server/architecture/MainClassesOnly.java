package dev.gatehouse.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** Main classes wherever they come from (a module's target/classes or its jar), without any module's tests. */
final class MainClassesOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.matches(java.util.regex.Pattern.compile(
                ".*-tests\\.jar.*"));
    }
}
