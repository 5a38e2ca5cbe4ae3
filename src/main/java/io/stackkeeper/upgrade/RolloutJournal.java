package io.stackkeeper.upgrade;

import io.stackkeeper.base.PortalNews;
import io.stackkeeper.base.Transactions;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of a running upgrade: each step moved through RUNNING to DONE or FAILED in its own transaction, told to
 * the pages as it changes, and the request's final status with its outcome.
 */
@Component
class RolloutJournal {

    private static final Logger log = LoggerFactory.getLogger(RolloutJournal.class);
    private static final String NEWS = "upgrade";

    private final UpgradeRequestRepository requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Broadcast<UpgradeRequestRecord> board = new Broadcast<>("upgrade-news");
    private final PortalNews news;

    RolloutJournal(UpgradeRequestRepository requests, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, PortalNews news) {
        this.requests = requests;
        this.news = news;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = Transactions.requiresNew(transactions);
    }

    Broadcast<UpgradeRequestRecord> board() {
        return board;
    }

    /** Tells the pages of this portal and of the others that a request changed. */
    void tell(UpgradeRequestRecord changed) {
        board.tell(changed);
        news.tell(NEWS, Long.toString(changed.id()));
    }

    /** A request changed on another portal: its pages here show it as recorded. */
    @EventListener
    void heard(PortalNews.Heard heard) {
        if (NEWS.equals(heard.topic()) && board.hasSubscribers()) {
            try {
                board.tell(record(Long.parseLong(heard.text())));
            } catch (NoSuchElementException | NumberFormatException e) {
                log.debug("Upgrade news not shown: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void stopTelling() {
        board.close();
    }

    Steps steps(long id, String actor) {
        return new Steps(id, actor);
    }

    String approvedFingerprint(long id) {
        return ownTransaction.execute(tx -> requests.findById(id).orElseThrow().planFingerprint);
    }

    /** Records an upgrade that stopped on an unexpected error as FAILED, so it never stays RUNNING. */
    void abandon(long id, Throwable error, String actor) {
        try {
            update(id, request -> request.steps.replaceAll(step -> switch (step.state()) {
                case RUNNING -> step.ended(RolloutStep.State.FAILED, clock.instant(), "Stopped on an unexpected error.");
                case PENDING -> step.skipped("Not run: the upgrade stopped on an unexpected error.");
                default -> step;
            }));
            finish(id, RequestStatus.FAILED, null, "The upgrade stopped on an unexpected error (" + error
                    + "). Check the running versions on the Stack page and the portal's log.", List.of(), actor);
        } catch (RuntimeException e) {
            log.error("Upgrade {} could not be marked failed; it is marked at the next start", id, e);
        }
    }

    record StoredImages(String backend, String backendId, String frontend, String frontendId) {
    }

    StoredImages images(long id) {
        UpgradeRequest request = requests.findById(id).orElseThrow();
        return new StoredImages(request.fromBackendImage, request.fromBackendImageId, request.fromFrontendImage, request.fromFrontendImageId);
    }

    void finish(long id, RequestStatus status, String failedStep, String outcome, List<String> lines, String actor) {
        update(id, request -> {
            request.status = status;
            request.finishedAt = clock.instant();
            request.failedStep = failedStep;
            request.outcome = outcome;
            request.failureLog = lines.isEmpty() ? null : String.join("\n", lines);
        });
        UpgradeRequestRecord done = record(id);
        log.info("Upgrade {} ended {}: {}", id, status, outcome);
        events.publishEvent(new UpgradeEvents.UpgradeFinished(id, status, outcome, done.backupId(), actor));
    }

    UpgradeRequestRecord record(long id) {
        return ownTransaction.execute(tx -> requests.findById(id).orElseThrow().record());
    }

    void update(long id, Consumer<UpgradeRequest> change) {
        UpgradeRequestRecord changed = ownTransaction.execute(tx -> {
            UpgradeRequest request = requests.findById(id).orElseThrow();
            change.accept(request);
            return requests.save(request).record();
        });
        tell(changed);
    }

    static final class StepFailed extends Exception {
        final String title;

        StepFailed(String title, String message) {
            super(message);
            this.title = title;
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Moves each step through RUNNING to DONE or FAILED, recorded and told as it goes. */
    final class Steps {
        private final long id;
        private final String actor;

        Steps(long id, String actor) {
            this.id = id;
            this.actor = actor;
        }

        <T> T run(String title, Work<T> work, Function<T, String> done) throws StepFailed {
            set(title, step -> step.running(clock.instant(), "Running…"));
            try {
                T result = work.run();
                String message = done.apply(result);
                set(title, step -> step.ended(RolloutStep.State.DONE, clock.instant(), message));
                events.publishEvent(new UpgradeEvents.UpgradeStepFinished(id, title, true, message, actor));
                return result;
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                set(title, step -> step.ended(RolloutStep.State.FAILED, clock.instant(), message));
                events.publishEvent(new UpgradeEvents.UpgradeStepFinished(id, title, false, message, actor));
                throw new StepFailed(title, message.endsWith(".") ? message : message + ".");
            }
        }

        void skipRemaining() {
            update(id, request -> request.steps.replaceAll(step -> step.state() == RolloutStep.State.PENDING
                    ? step.skipped("Not run: an earlier step failed.") : step));
        }

        void append(String title) {
            update(id, request -> request.steps.add(RolloutStep.pending(title)));
        }

        private void set(String title, UnaryOperator<RolloutStep> change) {
            update(id, request -> {
                for (int i = 0; i < request.steps.size(); i++) {
                    RolloutStep step = request.steps.get(i);
                    if (step.title().equals(title) && step.state() != RolloutStep.State.DONE && step.state() != RolloutStep.State.FAILED) {
                        request.steps.set(i, change.apply(step));
                        return;
                    }
                }
            });
        }
    }
}
