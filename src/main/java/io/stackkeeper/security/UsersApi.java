package io.stackkeeper.security;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User provisioning by script, under the same rules as the Users page. */
@RestController
@RequestMapping("/api/v1/users")
class UsersApi {

    record NewUser(String username, String password, Set<Role> roles) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + "]";
        }
    }

    record UserChange(Set<Role> roles, Boolean enabled) {
    }

    record NewPassword(String password) {
        @Override
        public String toString() {
            return "NewPassword[hidden]";
        }
    }

    private final AccountService accounts;

    UsersApi(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<UserSummary> list() {
        return accounts.listUsers();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserSummary create(@RequestBody NewUser user) {
        return accounts.createUser(user.username(), user.password(), user.roles());
    }

    @PatchMapping("/{username}")
    UserSummary change(@PathVariable String username, @RequestBody UserChange change) {
        UserSummary result = null;
        if (change.roles() != null) {
            result = accounts.setRoles(username, change.roles());
        }
        if (change.enabled() != null) {
            result = accounts.setEnabled(username, change.enabled());
        }
        if (result == null) {
            throw new IllegalArgumentException("Send 'roles' and/or 'enabled'.");
        }
        return result;
    }

    /** An admin's reset: the user's API tokens are revoked and their sessions end. */
    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
        accounts.resetPassword(username, body.password());
    }
}
