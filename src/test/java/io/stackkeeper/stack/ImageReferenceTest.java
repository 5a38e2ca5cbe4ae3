package io.stackkeeper.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void a_quay_reference_splits_into_registry_repository_and_pinned_version() {
        ImageReference ref = ImageReference.parse("quay.io/toucantoco/backend:89.0.0");
        assertThat(ref.registry()).isEqualTo("quay.io");
        assertThat(ref.repository()).isEqualTo("toucantoco/backend");
        assertThat(ref.version()).contains(new Version(89, 0, 0));
        assertThat(ref.floating()).isFalse();
    }

    @Test
    void latest_latest_monthly_and_a_missing_tag_are_floating() {
        assertThat(ImageReference.parse("acme/backend:latest-monthly").floating()).isTrue();
        assertThat(ImageReference.parse("acme/backend").tag()).isEqualTo("latest");
        assertThat(ImageReference.parse("acme/backend").floating()).isTrue();
        assertThat(ImageReference.parse("acme/backend:dev").version()).isEmpty();
    }

    @Test
    void a_registry_with_a_port_is_not_mistaken_for_a_tag() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5151/stackkeeper/sample-backend:90.0.1");
        assertThat(ref.registry()).isEqualTo("127.0.0.1:5151");
        assertThat(ref.repository()).isEqualTo("stackkeeper/sample-backend");
        assertThat(ref.tag()).isEqualTo("90.0.1");
        assertThat(ImageReference.parse("127.0.0.1:5151/acme/x").tag()).isEqualTo("latest");
    }

    @Test
    void names_qualified_by_podman_or_docker_compare_equal_to_short_ones() {
        assertThat(ImageReference.parse("docker.io/library/redis:7").repositoryKey())
                .isEqualTo(ImageReference.parse("redis:7").repositoryKey());
        assertThat(ImageReference.parse("localhost/stackkeeper/sample-backend:1.0.0").repositoryKey())
                .isEqualTo(ImageReference.parse("stackkeeper/sample-backend:1.0.0").repositoryKey());
    }

    @Test
    void versions_order_numerically_and_majors_decide_compatibility() {
        assertThat(Version.parse("89.0.0")).isGreaterThan(Version.parse("77.10.3"));
        assertThat(Version.parse("v26.0.2").compatibleWith(Version.parse("26.0.7"))).isTrue();
        assertThat(Version.parse("25.2.11").compatibleWith(Version.parse("26.0.7"))).isFalse();
        assertThatThrownBy(() -> Version.parse("latest")).hasMessageContaining("not a version");
    }

    @Test
    void a_digest_pinned_reference_is_not_floating() {
        ImageReference ref = ImageReference.parse("acme/backend@sha256:abc");
        assertThat(ref.digest()).isEqualTo("sha256:abc");
        assertThat(ref.floating()).isFalse();
    }
}
