package org.foldbatch.batch.jdbc;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write in its own transaction, committed at once. Cache rows are finished work: they must survive a step that
 * fails or is killed later, and a duplicate-key race with another process must not abort the step's own transaction
 * (PostgreSQL refuses every later statement of a transaction once one has failed).
 */
public final class NewTransactions {

    private final TransactionTemplate template;

    public NewTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private NewTransactions() {
        this.template = null;
    }

    /** For callers outside any transaction (tests, tools): writes run as they are, in auto-commit. */
    public static NewTransactions none() {
        return new NewTransactions();
    }

    /** A read in a fresh transaction: {@code CURRENT_TIMESTAMP} is now, not when a long step transaction began. */
    public <T> T call(java.util.function.Supplier<T> read) {
        return template == null ? read.get() : template.execute(status -> read.get());
    }

    public void run(Runnable write) {
        if (template == null) {
            write.run();
        } else {
            template.executeWithoutResult(status -> write.run());
        }
    }
}
