package io.stackkeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AbsoluteDataDirTest {

    @Test
    void a_relative_data_folder_becomes_absolute_so_h2_accepts_it() {
        MockEnvironment environment = new MockEnvironment().withProperty("stackkeeper.data-dir", "bench/work/run-1");
        new AbsoluteDataDir().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("stackkeeper.data-dir"))
                .isEqualTo(Path.of("bench/work/run-1").toAbsolutePath().normalize().toString());
    }

    @Test
    void without_configuration_the_data_folder_is_data_in_the_working_directory() {
        MockEnvironment environment = new MockEnvironment();
        new AbsoluteDataDir().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("stackkeeper.data-dir")).isEqualTo(Path.of("data").toAbsolutePath().toString());
    }
}
