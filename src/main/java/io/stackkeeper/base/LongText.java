package io.stackkeeper.base;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

/**
 * Long text in a column: a CLOB on H2 and {@code text} on PostgreSQL (the DDL type), bound as a plain string. {@code @Lob}
 * would mean a large-object id on PostgreSQL, and Hibernate's own long-text type binds a null with a type code the
 * PostgreSQL driver does not know. Use it as {@code @JdbcType(LongText.class)}.
 */
public class LongText extends VarcharJdbcType {

    @Override
    public int getDdlTypeCode() {
        return SqlTypes.LONG32VARCHAR;
    }
}
