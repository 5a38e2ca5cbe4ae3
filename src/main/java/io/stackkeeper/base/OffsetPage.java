package io.stackkeeper.base;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A {@link Pageable} at an arbitrary offset, as Vaadin's lazy data providers ask for rows. */
public record OffsetPage(long offset, int limit, Sort sort) implements Pageable {

    @Override
    public int getPageNumber() {
        return (int) (offset / limit);
    }

    @Override
    public int getPageSize() {
        return limit;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new OffsetPage(offset + limit, limit, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return offset < limit ? first() : new OffsetPage(offset - limit, limit, sort);
    }

    @Override
    public Pageable first() {
        return new OffsetPage(0, limit, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetPage((long) pageNumber * limit, limit, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
