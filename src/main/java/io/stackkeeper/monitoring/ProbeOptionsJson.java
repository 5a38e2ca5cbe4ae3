package io.stackkeeper.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a probe's options as JSON in one column. */
@Converter
class ProbeOptionsJson implements AttributeConverter<ProbeOptions, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(ProbeOptions options) {
        try {
            return JSON.writeValueAsString(options == null ? ProbeOptions.NONE : options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public ProbeOptions convertToEntityAttribute(String json) {
        try {
            return json == null || json.isBlank() ? ProbeOptions.NONE : JSON.readValue(json, ProbeOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored probe options cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
