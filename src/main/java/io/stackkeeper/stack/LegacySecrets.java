package io.stackkeeper.stack;

import io.stackkeeper.base.LegacySealedValues;
import io.stackkeeper.base.SecretCipher;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stack secrets sealed by an earlier release (a fixed salt, no field binding): offered to the first start's check of
 * the encryption secret, then sealed again with the install's key and bound to their fields.
 */
@Component
class LegacySecrets implements LegacySealedValues, SmartInitializingSingleton {

    private static final String[] FIELDS = {"mongoUri", "redisUri", "statusUserAgent", "registryPassword"};

    private final JdbcTemplate jdbc;
    private final ObjectProvider<StackSettingsRepository> settings;
    private final ObjectProvider<SecretCipher> cipher;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    LegacySecrets(DataSource dataSource, ObjectProvider<StackSettingsRepository> settings, ObjectProvider<SecretCipher> cipher,
            ObjectProvider<PlatformTransactionManager> transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    @Override
    public List<String> sealedValues() {
        return jdbc.query("SELECT mongo_uri_sealed, redis_uri_sealed, status_user_agent_sealed, registry_password_sealed FROM stack_settings",
                (row, n) -> Stream.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .stream().flatMap(values -> values).filter(Objects::nonNull).filter(SecretCipher::isLegacy).toList();
    }

    @Override
    public void afterSingletonsInstantiated() {
        SecretCipher key = cipher.getObject();
        new TransactionTemplate(transactions.getObject()).executeWithoutResult(status -> settings.getObject().findAll().forEach(s -> {
            String[] sealed = {s.mongoUriSealed, s.redisUriSealed, s.statusUserAgentSealed, s.registryPasswordSealed};
            boolean changed = false;
            for (int i = 0; i < sealed.length; i++) {
                if (SecretCipher.isLegacy(sealed[i])) {
                    sealed[i] = key.encrypt(key.decrypt(sealed[i], FIELDS[i]), FIELDS[i]);
                    changed = true;
                }
            }
            if (changed) {
                s.mongoUriSealed = sealed[0];
                s.redisUriSealed = sealed[1];
                s.statusUserAgentSealed = sealed[2];
                s.registryPasswordSealed = sealed[3];
                settings.getObject().save(s);
            }
        }));
    }
}
