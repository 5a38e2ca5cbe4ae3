package io.stackkeeper.logs;

/**
 * The folder a service's kept logs live in, named after the service: lower case, every char but {@code a-z 0-9 _ . -}
 * replaced by {@code _}, so that a name from the engine (or from a hostile compose file) never names a path. Names
 * that start with a dot or hold {@code ..} are refused rather than changed, so that no service gets {@code .} or
 * {@code ..} or a hidden folder.
 */
final class ServiceFolderName {

    static final int MAX_LENGTH = 64;

    private ServiceFolderName() {
    }

    /** The folder name of a service; an {@link IllegalArgumentException} for a name that cannot be one. */
    static String of(String service) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("A service name is needed to keep its logs");
        }
        if (service.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A service name may have at most " + MAX_LENGTH + " characters");
        }
        StringBuilder name = new StringBuilder(service.length());
        for (int i = 0; i < service.length(); i++) {
            char c = service.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                name.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
                name.append(c);
            } else {
                name.append('_');
            }
        }
        String folder = name.toString();
        if (folder.startsWith(".") || folder.contains("..")) {
            throw new IllegalArgumentException("A service name may not start with a dot or hold '..'");
        }
        return folder;
    }
}
