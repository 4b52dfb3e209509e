//! A partner request carries the organizer's note to the organization asked (issue 16): why
//! it is asked, what the role involves. Requests made before have none.
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
                    .table(EventPartners::Table)
                    .add_column(text_null(EventPartners::Note))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EventPartners::Table)
                    .drop_column(EventPartners::Note)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum EventPartners {
    Table,
    Note,
}
