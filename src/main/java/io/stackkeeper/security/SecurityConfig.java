package io.stackkeeper.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.stackkeeper.security.ui.LoginView;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three filter chains: {@code POST /api/v1/tokens} (HTTP Basic or a token), the rest of the API and Actuator
 * (tokens only, stateless), and the Vaadin UI (form login, session). Method security is the real gate.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    private static final String[] API_PATHS = {"/api/**", "/actuator/**"};

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginAttempts loginAttempts(Clock clock) {
        return new LoginAttempts(clock);
    }

    @Bean
    AccountUserDetailsService accountUserDetailsService(UserAccountRepository users) {
        return new AccountUserDetailsService(users);
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService userDetails, PasswordEncoder passwordEncoder,
            LoginAttempts attempts, ApplicationEventPublisher events, Clock clock) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(userDetails);
        passwordCheck.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new LockoutAuthenticationProvider(passwordCheck, attempts, events, clock));
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(ApiTokenRepository tokens, PlatformTransactionManager transactions,
            ProblemResponses problems, Clock clock) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new BearerTokenFilter(tokens, readOnly, problems, clock);
    }

    /** Before everything else, so that no large body reaches the heap, whoever sends it. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ApiLimits limits, ProblemResponses problems) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits, problems));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The token filter belongs to the API chains only, not to every request of the servlet container. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterOutsideChains(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuingChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemResponses problems) throws Exception {
        // Only a password mints a token: a leaked token must not be able to extend itself.
        return statelessApi(http, null, problems, true)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized(true)))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearerTokens, ProblemResponses problems) throws Exception {
        return statelessApi(http, bearerTokens, problems, false)
                .securityMatcher(API_PATHS)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the services check the same roles; here they are checked before a body is read
                        .requestMatchers(HttpMethod.PUT, "/api/v1/upgrades/catalog", "/api/v1/stack/settings").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/upgrades/*/approve", "/api/v1/upgrades/*/reject",
                                "/api/v1/backups/import", "/api/v1/backups/*/restore").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/backups/*").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/backup-targets").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/upgrades", "/api/v1/backups")
                                .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/backup-plans/*").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/probes", "/api/v1/probes/*/check").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/probes/*").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/probes/*").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/notifiers").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/notifiers/*").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/notifiers", "/api/v1/notifiers/**", "/api/v1/notifications")
                                .hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/maintenance").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/maintenance/*").hasAnyRole(Roles.OPERATOR, Roles.ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager authenticationManager, UserAccountRepository users,
            PlatformTransactionManager transactions) throws Exception {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        http.authenticationManager(authenticationManager);
        http.addFilterAfter(new StaleSessionFilter(users, readOnly), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/images/**", "/icons/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    private static HttpSecurity statelessApi(HttpSecurity http, BearerTokenFilter bearerTokens, ProblemResponses problems,
            boolean offerBasic) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized(offerBasic))
                        .accessDeniedHandler(problems.forbidden()));
        if (bearerTokens != null) {
            http.addFilterBefore(bearerTokens, BasicAuthenticationFilter.class);
        }
        return http;
    }
}
