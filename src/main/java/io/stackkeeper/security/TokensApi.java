package io.stackkeeper.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Create, list and revoke the caller's API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensApi {

    record CreateTokenRequest(String name, Integer expiresInDays) {
    }

    private final AccountService accounts;

    TokensApi(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken create(@RequestBody(required = false) CreateTokenRequest request, HttpServletRequest http) {
        // this chain only lets a password through (HTTP Basic), and the service checks that password again
        UsernamePasswordAuthenticationToken basic = new BasicAuthenticationConverter().convert(http);
        String name = request == null || request.name() == null ? "api" : request.name();
        Duration validity = request == null || request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        return accounts.createToken(name, validity, basic == null ? null : (String) basic.getCredentials());
    }

    @GetMapping
    List<TokenSummary> list() {
        return accounts.myTokens();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        accounts.revokeToken(id);
    }
}
