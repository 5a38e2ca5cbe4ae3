package io.stackkeeper.backup;

/** What a plan backs up. */
public enum Contents {
    MONGO("MongoDB"), STORAGE("Storage folder"), BOTH("MongoDB and storage folder");

    private final String label;

    Contents(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean mongo() {
        return this != STORAGE;
    }

    boolean storage() {
        return this != MONGO;
    }
}
