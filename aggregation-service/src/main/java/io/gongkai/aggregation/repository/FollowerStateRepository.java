package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.FollowerState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class FollowerStateRepository implements PanacheRepositoryBase<FollowerState, Integer> {

    public FollowerState current() {
        return findById(FollowerState.SINGLETON_ID);
    }

    /** The state, locked until the transaction ends: two instances never apply the same page. */
    public FollowerState lock() {
        return findById(FollowerState.SINGLETON_ID, LockModeType.PESSIMISTIC_WRITE);
    }
}
