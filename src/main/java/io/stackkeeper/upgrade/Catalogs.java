package io.stackkeeper.upgrade;

import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The release catalog in use (the shipped one until an admin uploads a newer revision) and every upload kept. */
@Component
class Catalogs {

    private static final Logger log = LoggerFactory.getLogger(Catalogs.class);

    private final StoredCatalogRepository stored;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile ReleaseCatalog inUse = CatalogParser.shipped();

    Catalogs(StoredCatalogRepository stored, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.stored = stored;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = Transactions.requiresNew(transactions);
    }

    ReleaseCatalog inUse() {
        return inUse;
    }

    /** Takes the newest upload, if it can be read; otherwise the shipped catalog stays in use. */
    void useNewestUpload() {
        ownTransaction.executeWithoutResult(tx -> stored.findFirstByOrderByIdDesc().ifPresent(newest -> {
            try {
                inUse = CatalogParser.parse(newest.content);
            } catch (CatalogRefusedException e) {
                log.error("The uploaded release catalog {} cannot be read ({}); using the shipped one.", newest.id, e.getMessage());
            }
        }));
    }

    synchronized CatalogVersion replace(String json) {
        ReleaseCatalog parsed = CatalogParser.parse(json == null ? "" : json);
        ReleaseCatalog before = inUse;
        if (parsed.revision() <= before.revision()) {
            throw new IllegalArgumentException("The catalog's revision " + parsed.revision() + " must be above the one in use ("
                    + before.revision() + ").");
        }
        StoredCatalog upload = new StoredCatalog();
        upload.revision = parsed.revision();
        upload.content = json;
        upload.uploadedBy = RequestOrigin.actor();
        upload.uploadedAt = clock.instant();
        ownTransaction.executeWithoutResult(tx -> stored.save(upload));
        inUse = parsed;
        events.publishEvent(new UpgradeEvents.CatalogReplaced(before.revision(), parsed.revision(), parsed.releases().size(),
                breakingChanges(parsed)));
        return version(upload.id, parsed, upload.uploadedBy, upload.uploadedAt, true);
    }

    List<CatalogVersion> history() {
        List<CatalogVersion> history = new ArrayList<>();
        List<StoredCatalog> uploads = stored.findAllByOrderByIdDesc();
        for (StoredCatalog upload : uploads) {
            ReleaseCatalog parsed;
            try {
                parsed = CatalogParser.parse(upload.content);
            } catch (CatalogRefusedException e) {
                continue;
            }
            history.add(version(upload.id, parsed, upload.uploadedBy, upload.uploadedAt, history.isEmpty() && parsed.equals(inUse)));
        }
        ReleaseCatalog shipped = CatalogParser.shipped();
        history.add(version(0, shipped, null, null, uploads.isEmpty() || shipped.equals(inUse) && history.stream().noneMatch(CatalogVersion::inUse)));
        return history;
    }

    String text(long id) {
        if (id == 0) {
            return CatalogParser.shippedText();
        }
        return stored.findById(id).map(upload -> upload.content)
                .orElseThrow(() -> new NoSuchElementException("There is no uploaded catalog " + id + "."));
    }

    private static CatalogVersion version(long id, ReleaseCatalog parsed, String by, Instant at, boolean inUse) {
        return new CatalogVersion(id, parsed.revision(), by, at, parsed.releases().size(), breakingChanges(parsed), inUse);
    }

    private static int breakingChanges(ReleaseCatalog parsed) {
        return parsed.releases().stream().mapToInt(release -> release.breakingChanges().size()).sum();
    }
}
