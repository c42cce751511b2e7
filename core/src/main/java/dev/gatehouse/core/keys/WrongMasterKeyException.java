package dev.gatehouse.core.keys;

/** The master key does not open the sealing keys in the database: it is not the key they were sealed with. */
public final class WrongMasterKeyException extends RuntimeException {

    public WrongMasterKeyException(int keyId) {
        super("The master key does not match the one this database was created with: it does not open sealing key "
                + keyId + ". Start with the master key this database was created with (GATEHOUSE_MASTER_KEY, "
                + "GATEHOUSE_MASTER_KEY_FILE or <data dir>/master.key); nothing was changed.");
    }
}
