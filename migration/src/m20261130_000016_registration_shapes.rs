//! Every registration knows its shape (seats, booth, student visit, campaign entry,
//! declaration), so the store reads each shape in one place instead of guessing it from the
//! tables beside it. Reviews say `under_review`, not `pending`, as the API does.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Shape,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Registrations::Table)
                    .add_column(
                        ColumnDef::new(Registrations::Shape)
                            .string_len(20)
                            .not_null()
                            .default("seats"),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in [
            "UPDATE registrations SET shape = 'campaign_entry' WHERE id IN (SELECT registration_id FROM campaign_entries)",
            "UPDATE registrations SET shape = 'declaration' WHERE id IN (SELECT registration_id FROM declarations)",
            "UPDATE registrations SET shape = 'booth' WHERE id IN (SELECT registration_id FROM exhibitor_profiles)",
            "UPDATE registrations SET shape = 'student_visit' WHERE shape = 'seats' AND event_id IN (SELECT id FROM events WHERE kind = 'job_fair')",
            "UPDATE exhibitor_profiles SET state = 'under_review' WHERE state = 'pending'",
            "UPDATE declarations SET state = 'under_review' WHERE state = 'pending'",
        ] {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for sql in [
            "UPDATE exhibitor_profiles SET state = 'pending' WHERE state = 'under_review'",
            "UPDATE declarations SET state = 'pending' WHERE state = 'under_review'",
        ] {
            db.execute_unprepared(sql).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Registrations::Table)
                    .drop_column(Registrations::Shape)
                    .to_owned(),
            )
            .await
    }
}
