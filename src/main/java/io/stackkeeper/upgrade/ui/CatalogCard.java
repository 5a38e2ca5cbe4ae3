package io.stackkeeper.upgrade.ui;

import io.stackkeeper.base.ui.DateTimes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.stackkeeper.base.ui.Card;
import io.stackkeeper.upgrade.CatalogVersion;
import io.stackkeeper.upgrade.UpgradeService;
import java.nio.charset.StandardCharsets;

/** The release catalog in use and its history; admins replace it by uploading a new one, which is validated first. */
class CatalogCard extends Card {

    private final UpgradeService upgrades;
    private final Grid<CatalogVersion> history = new Grid<>();
    private final Paragraph result = new Paragraph();
    private final Runnable changed;

    CatalogCard(UpgradeService upgrades, boolean admin, Runnable changed) {
        super("Release catalog");
        this.upgrades = upgrades;
        this.changed = changed;
        setId("release-catalog");
        addClassName("sk-card-wide");
        history.addColumn(CatalogVersion::revision).setHeader("Revision").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(v -> {
            Span badge = new Span(v.inUse() ? "in use" : "earlier");
            badge.getElement().getThemeList().add(v.inUse() ? "badge success" : "badge contrast");
            return badge;
        }).setHeader("").setWidth("6.5rem").setFlexGrow(0);
        history.addColumn(v -> v.uploadedBy() == null ? "shipped with the portal" : v.uploadedBy()).setHeader("Uploaded by").setFlexGrow(1);
        history.addColumn(v -> v.uploadedAt() == null ? "" : DateTimes.MINUTES.format(v.uploadedAt())).setHeader("On").setAutoWidth(true);
        history.addColumn(v -> v.releases() + " releases, " + UpgradeWords.changes(v.breakingChanges())).setHeader("Contents").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(this::download).setHeader("").setAutoWidth(true).setFlexGrow(0);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        add(history);
        if (admin) {
            UI ui = UI.getCurrent();
            Upload upload = new Upload();
            upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
                replace(new String(bytes, StandardCharsets.UTF_8));
                upload.clearFileList();
            })));
            upload.setMaxFiles(1);
            upload.setAcceptedFileTypes("application/json", ".json");
            upload.setMaxFileSize(1024 * 1024);
            upload.setUploadButton(new Button("Upload a new catalog (JSON)", VaadinIcon.UPLOAD.create()));
            upload.setDropLabel(new Span("A malformed catalog is refused with its line; the one in use stays."));
            upload.setId("catalog-upload");
            result.setId("catalog-result");
            add(upload, result);
        }
        refresh();
    }

    private void replace(String json) {
        try {
            CatalogVersion replaced = upgrades.replaceCatalog(json);
            result.setText("Catalog revision " + replaced.revision() + " is in use: " + replaced.releases() + " releases, "
                    + UpgradeWords.changes(replaced.breakingChanges()) + ". Approvals given under the previous catalog are void.");
            result.setClassName("sk-ok");
            refresh();
            changed.run();
        } catch (IllegalArgumentException e) {
            result.setText("Refused, the catalog in use stays: " + e.getMessage());
            result.setClassName("sk-error");
        }
    }

    private Anchor download(CatalogVersion version) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] text = upgrades.catalogText(version.id()).getBytes(StandardCharsets.UTF_8);
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(text),
                    "release-catalog-r" + version.revision() + ".json", "application/json", text.length);
        }), "");
        Button button = new Button(VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel("Download catalog revision " + version.revision());
        link.add(button);
        link.getElement().setAttribute("download", true);
        return link;
    }

    private void refresh() {
        history.setItems(upgrades.catalogHistory());
    }
}
