//! Sessions are picked per attendee (issue 15): two colleagues in one registration may go to
//! two parallel workshops, and a session's seats count people. Each registration-level pick
//! becomes one row per active attendee of its registration (a registration with no active
//! attendee left keeps its history on its cancelled ones), and each session's seat counter is
//! recounted from the confirmed rows. A consultation slot may have its own meeting link.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EventSessions::Table)
                    .add_column(string_len_null(EventSessions::OnlineUrl, 500))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RegistrationSessions::Table)
                    .add_column(big_integer_null(RegistrationSessions::AttendeeId))
                    .to_owned(),
            )
            .await?;
        // One pick per registration and session no longer: one per attendee and session.
        manager
            .drop_index(
                Index::drop()
                    .name("uq_registration_sessions_pick")
                    .table(RegistrationSessions::Table)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        // Plain SQL that reads the same on SQLite and PostgreSQL.
        db.execute_unprepared(
            "INSERT INTO registration_sessions \
               (registration_id, session_id, status, seats, created_at, updated_at, attendee_id) \
             SELECT rs.registration_id, rs.session_id, rs.status, 1, rs.created_at, \
                    rs.updated_at, a.id \
             FROM registration_sessions rs \
             JOIN attendees a ON a.registration_id = rs.registration_id \
             WHERE rs.attendee_id IS NULL \
               AND (a.status = 'active' \
                    OR (a.status = 'cancelled' AND NOT EXISTS ( \
                          SELECT 1 FROM attendees b \
                          WHERE b.registration_id = rs.registration_id \
                            AND b.status = 'active'))) \
             ORDER BY rs.id, a.position, a.id",
        )
        .await?;
        db.execute_unprepared("DELETE FROM registration_sessions WHERE attendee_id IS NULL")
            .await?;
        db.execute_unprepared(
            "UPDATE event_sessions SET seats_taken = ( \
               SELECT COUNT(*) FROM registration_sessions rs \
               WHERE rs.session_id = event_sessions.id AND rs.status = 'confirmed')",
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_registration_sessions_attendee_pick")
                    .table(RegistrationSessions::Table)
                    .col(RegistrationSessions::SessionId)
                    .col(RegistrationSessions::AttendeeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_sessions_registration")
                    .table(RegistrationSessions::Table)
                    .col(RegistrationSessions::RegistrationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        // One row per registration and session again: the earliest attendee's row stands for
        // the registration, with the seats its live rows held.
        db.execute_unprepared(
            "DELETE FROM registration_sessions WHERE id NOT IN ( \
               SELECT MIN(id) FROM registration_sessions \
               GROUP BY registration_id, session_id)",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE registration_sessions SET seats = ( \
               SELECT COUNT(*) FROM attendees a \
               WHERE a.registration_id = registration_sessions.registration_id \
                 AND a.status = 'active')",
        )
        .await?;
        for name in [
            "uq_registration_sessions_attendee_pick",
            "idx_registration_sessions_registration",
        ] {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(RegistrationSessions::Table)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("uq_registration_sessions_pick")
                    .table(RegistrationSessions::Table)
                    .col(RegistrationSessions::RegistrationId)
                    .col(RegistrationSessions::SessionId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RegistrationSessions::Table)
                    .drop_column(RegistrationSessions::AttendeeId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(EventSessions::Table)
                    .drop_column(EventSessions::OnlineUrl)
                    .to_owned(),
            )
            .await?;
        db.execute_unprepared(
            "UPDATE event_sessions SET seats_taken = COALESCE(( \
               SELECT SUM(rs.seats) FROM registration_sessions rs \
               WHERE rs.session_id = event_sessions.id AND rs.status = 'confirmed'), 0)",
        )
        .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum EventSessions {
    Table,
    OnlineUrl,
}

#[derive(DeriveIden)]
enum RegistrationSessions {
    Table,
    AttendeeId,
    RegistrationId,
    SessionId,
}
