package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.instance.InstanceRepository;
import dev.gatehouse.core.keys.StoredSealingKey;
import dev.gatehouse.store.testing.TestInstances;
import java.util.List;
import org.junit.jupiter.api.Test;

public interface InstanceRepositoryContract extends StoreContract {

    private InstanceRepository instance() {
        return store().instance();
    }

    @Test
    default void freshStoreHasNoInstanceAndNoSealingKeys() {
        assertThat(instance().find()).isEmpty();
        assertThat(instance().sealingKeys()).isEmpty();
    }

    @Test
    default void insertedInstanceReadsBackWithEveryField() {
        Instance created = new Instance("arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", "d-9067a1b2c3", "eu-west-1",
                "https://gatehouse.example.com/start",
                List.of("https://acme.awsapps.com/start", "https://acme-2.awsapps.com/start"), NOW);
        instance().insert(created);

        assertThat(instance().find()).contains(created);
    }

    @Test
    default void secondInstanceThenAlreadyExists() {
        instance().insert(TestInstances.instance());

        var error = alreadyExists(() -> instance().insert(new Instance("arn:aws:sso:::instance/ssoins-ffffffffffffffff",
                "d-ffffffffff", "us-east-1", "https://other.example.com/start", List.of(), NOW)));

        assertThat(error.kind()).isEqualTo("Instance");
        assertThat(instance().find()).contains(TestInstances.instance());
    }

    @Test
    default void updateReplacesPortalUrlAndAliasesOnly() {
        Instance created = TestInstances.instance();
        instance().insert(created);

        instance().update(new Instance(created.instanceArn(), "d-ffffffffff", "eu-central-1",
                "https://sso.example.org/start", List.of(), NOW.plusSeconds(1)));

        assertThat(instance().find()).contains(new Instance(created.instanceArn(), created.identityStoreId(),
                created.region(), "https://sso.example.org/start", List.of(), created.createdAt()));
    }

    @Test
    default void updateBeforeAnInstanceExistsThenNotFound() {
        notFound(() -> instance().update(TestInstances.instance()));
    }

    @Test
    default void sealingKeysListNewestFirstWithTheirMaterial() {
        StoredSealingKey first = TestInstances.storedSealingKey(1, false, NOW);
        StoredSealingKey third = TestInstances.storedSealingKey(3, true, NOW.plusSeconds(2));
        StoredSealingKey second = TestInstances.storedSealingKey(2, true, NOW.plusSeconds(1));
        instance().insertSealingKey(first);
        instance().insertSealingKey(third);
        instance().insertSealingKey(second);

        List<StoredSealingKey> keys = instance().sealingKeys();

        assertThat(keys).extracting(StoredSealingKey::keyId).containsExactly(3, 2, 1);
        assertThat(keys).extracting(StoredSealingKey::createdAt).containsExactly(third.createdAt(),
                second.createdAt(), first.createdAt());
        assertThat(keys).extracting(StoredSealingKey::material).containsExactly(third.material(), second.material(),
                first.material());
        assertThat(keys).extracting(StoredSealingKey::wrapped).containsExactly(true, true, false);
    }

    @Test
    default void sealingKeyWithATakenIdThenAlreadyExists() {
        instance().insertSealingKey(TestInstances.storedSealingKey(1, true, NOW));

        var error = alreadyExists(() -> instance().insertSealingKey(
                TestInstances.storedSealingKey(1, true, NOW.plusSeconds(1))));

        assertThat(error.kind()).isEqualTo("SealingKey");
        assertThat(instance().sealingKeys()).hasSize(1);
    }

    @Test
    default void replaceSealingKeyChangesMaterialAndWrappedOnly() {
        StoredSealingKey legacy = TestInstances.storedSealingKey(1, false, NOW);
        instance().insertSealingKey(legacy);
        StoredSealingKey wrapped = TestInstances.storedSealingKey(1, true, NOW.plusSeconds(5));

        instance().replaceSealingKey(wrapped);

        StoredSealingKey read = instance().sealingKeys().getFirst();
        assertThat(read.material()).isEqualTo(wrapped.material());
        assertThat(read.wrapped()).isTrue();
        assertThat(read.createdAt()).isEqualTo(legacy.createdAt());
    }

    @Test
    default void replaceAMissingSealingKeyThenNotFound() {
        notFound(() -> instance().replaceSealingKey(TestInstances.storedSealingKey(9, true, NOW)));
    }

    @Test
    default void managementAccountIsUnsetUntilChosenAndCanBeUnsetAgain() {
        instance().insert(TestInstances.instance());
        assertThat(instance().managementAccountId()).isEmpty();

        instance().setManagementAccountId("111122223333");
        assertThat(instance().managementAccountId()).contains("111122223333");
        assertThat(instance().find()).contains(TestInstances.instance());

        instance().setManagementAccountId(null);
        assertThat(instance().managementAccountId()).isEmpty();
    }
}
