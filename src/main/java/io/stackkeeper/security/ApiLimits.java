package io.stackkeeper.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, checked before it is read.
 *
 * @param maxBody largest JSON body of the API ({@code STACKKEEPER_API_MAX_BODY}, default 1MB)
 * @param maxCatalogBody largest release catalog, uploaded through the API or the Upgrades page
 *     ({@code STACKKEEPER_API_MAX_CATALOG_BODY}, default 5MB)
 */
@ConfigurationProperties("stackkeeper.api")
record ApiLimits(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("5MB") DataSize maxCatalogBody) {

    /** The pages' own requests are small; the one upload they take is a catalog, in a multipart envelope. */
    long maxPageBody() {
        return maxCatalogBody.toBytes() + 64 * 1024;
    }
}
