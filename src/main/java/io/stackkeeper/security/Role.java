package io.stackkeeper.security;

/** The roles a user can hold; see {@link Roles} for what each may do. */
public enum Role {
    VIEWER(Roles.VIEWER, "Viewer", "Managers: read everything except secrets and logs"),
    OPERATOR(Roles.OPERATOR, "Operator", "Ops team: run and schedule work, request upgrades"),
    ADMIN(Roles.ADMIN, "Admin", "Users, settings, approvals and restores");

    private final String authorityName;
    private final String label;
    private final String description;

    Role(String name, String label, String description) {
        this.authorityName = "ROLE_" + name;
        this.label = label;
        this.description = description;
    }

    public String authority() {
        return authorityName;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
