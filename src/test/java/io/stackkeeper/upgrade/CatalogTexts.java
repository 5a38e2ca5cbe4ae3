package io.stackkeeper.upgrade;

/** Release catalogs for tests: the shipped one under another revision, so that planning stays as it was. */
public final class CatalogTexts {

    private CatalogTexts() {
    }

    public static String shippedAsRevision(int revision) {
        return CatalogParser.shippedText().replaceFirst("\"revision\": \\d+", "\"revision\": " + revision);
    }
}
