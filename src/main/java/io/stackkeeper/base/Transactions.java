package io.stackkeeper.base;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Transactions of their own, for writes that must commit whatever the caller's transaction does (or after it). */
public final class Transactions {

    private Transactions() {
    }

    /** A template that always runs in a new transaction, committed when its callback returns. */
    public static TransactionTemplate requiresNew(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
