package io.nianbao.notify.web;

import io.nianbao.notify.NotifyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Users come from configuration ({@code nianbao.notify.users}, bcrypt hashes); operators among them
 * see the operators' page too. The inbox uses form
 * login; the API {@code /api/**} HTTP Basic without session or CSRF token; health stays open.
 * The inbox's pages load nothing but their own style sheet and run no script: the Content
 * Security Policy says so, and a report's text shown on them cannot bring anything in.
 */
@Configuration
class SecurityConfiguration {

    static final String INSPECTOR = "INSPECTOR";
    static final String OPERATOR = "OPERATOR";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Users who are also configured operators ({@code nianbao.notify.operators}) may see the operators' page. */
    @Bean
    UserDetailsService users(NotifyProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username()).password(user.passwordHash())
                        .roles(properties.operators().contains(user.username())
                                ? new String[] {INSPECTOR, OPERATOR} : new String[] {INSPECTOR})
                        .build())
                .toList());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain inboxSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/inbox.css", "/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers("/inbox/operations/**").hasRole(OPERATOR)
                        .anyRequest().authenticated())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
