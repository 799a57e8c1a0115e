package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.FollowerState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FollowerStateRepository implements PanacheRepositoryBase<FollowerState, Integer> {

    public FollowerState current() {
        return findById(FollowerState.SINGLETON_ID);
    }

    /**
     * The state, locked until the transaction ends: two instances never apply the same page. Plain
     * {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB rejects.
     */
    public FollowerState lock() {
        getEntityManager().createNativeQuery("SELECT feed_cursor FROM follower_state WHERE id = ?1 FOR UPDATE")
                .setParameter(1, FollowerState.SINGLETON_ID).getSingleResult();
        FollowerState state = findById(FollowerState.SINGLETON_ID);
        getEntityManager().refresh(state);
        return state;
    }
}
