package io.stackkeeper.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A download button: writes what {@code export} writes at the moment of the click, streamed, as
 * {@code <prefix>-<UTC time>.<extension>} in UTF-8.
 */
public class TextDownload extends Anchor {

    /** Writes the file from the page's current query. */
    @FunctionalInterface
    public interface Export {
        void writeTo(Writer out) throws IOException;
    }

    public TextDownload(String id, String label, String filePrefix, String extension, String contentType, Export export) {
        super((DownloadHandler) event -> {
            event.setFileName(filePrefix + "-" + DateTimes.FILE_STAMP.format(Instant.now()) + "." + extension);
            event.setContentType(contentType + "; charset=utf-8");
            try (Writer writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                export.writeTo(writer);
            }
        }, "");
        Button button = new Button(label, VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(button);
        setId(id);
        getElement().setAttribute("download", true);
    }
}
