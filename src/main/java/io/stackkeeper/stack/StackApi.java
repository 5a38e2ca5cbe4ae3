package io.stackkeeper.stack;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stack}: the facts of every stack component, each with its own error; {@code PUT
 * /api/v1/stack/settings}: the settings, as the settings page saves them (ADMIN), for provisioning by script.
 */
@RestController
@RequestMapping("/api/v1/stack")
class StackApi {

    private final StackService stack;

    StackApi(StackService stack) {
        this.stack = stack;
    }

    @GetMapping
    StackOverview overview() {
        return stack.overview();
    }

    @PutMapping("/settings")
    SavedStackSettings save(@RequestBody SettingsBody settings) {
        return stack.saveSettings(settings.change());
    }

    /** The settings as the API takes them: one flat object, named as the settings page's fields and its refusals. */
    record SettingsBody(String engineEndpoint, String engineTlsPath, ContainerLookup lookupMode, String backendContainer,
            String frontendContainer, String composeProject, String backendService, String frontendService, String mongoUri,
            String redisUri, String backendUrl, String frontendUrl, String statusUserAgent, String storageHostPath, String registryUrl,
            String registryUsername, String registryPassword, String backendRepository, String frontendRepository) {

        StackSettingsChange change() {
            return new StackSettingsChange(new StackSettingsChange.Engine(engineEndpoint, engineTlsPath),
                    new StackSettingsChange.Containers(lookupMode, backendContainer, frontendContainer, composeProject, backendService,
                            frontendService),
                    new StackSettingsChange.Databases(mongoUri, redisUri),
                    new StackSettingsChange.Urls(backendUrl, frontendUrl, statusUserAgent), storageHostPath,
                    new StackSettingsChange.Registry(registryUrl, registryUsername, registryPassword, backendRepository, frontendRepository));
        }

        @Override
        public String toString() {
            return "SettingsBody[engineEndpoint=" + engineEndpoint + ", secrets hidden]";
        }
    }
}
