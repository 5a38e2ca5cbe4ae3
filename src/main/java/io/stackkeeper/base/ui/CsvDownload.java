package io.stackkeeper.base.ui;

/** The "Export CSV" button of a history: {@code <prefix>-<UTC time>.csv}. */
public class CsvDownload extends TextDownload {

    public CsvDownload(String id, String filePrefix, Export export) {
        super(id, "Export CSV", filePrefix, "csv", "text/csv", export);
    }
}
