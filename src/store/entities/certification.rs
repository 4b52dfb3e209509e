//! The tables of certification schemes (migration 20).

/// A call's validity: what it grants holds from `valid_from` to `valid_until` (Tokyo days).
pub mod call {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_calls")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub event_id: i64,
        pub valid_from: Date,
        pub valid_until: Date,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A call's categories, in order.
pub mod category {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_categories")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub event_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub name_ja: String,
        pub name_en: String,
        pub position: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// An application: the measures and where its review stands.
pub mod application {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_applications")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub registration_id: i64,
        pub event_id: i64,
        pub measures: String,
        pub state: String,
        pub decided_by: Option<i64>,
        pub decided_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A category applied for, and the decision on it (`None` until decided).
pub mod choice {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_choices")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub registration_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub category_code: String,
        pub event_id: i64,
        pub certified: Option<bool>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A document sent with an application, bytes and all.
pub mod document {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_documents")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub registration_id: i64,
        pub event_id: i64,
        pub filename: String,
        pub content_type: String,
        pub size: i32,
        pub sha256: String,
        #[sea_orm(column_type = "Blob")]
        pub content: Vec<u8>,
        pub uploaded_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// A reviewer's score of an application.
pub mod score {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_scores")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub registration_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub reviewer_id: i64,
        pub event_id: i64,
        pub score: i16,
        pub comment: Option<String>,
        pub scored_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Every upload and download of a document: by the company (`user_id` empty) or by staff.
pub mod document_log {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_document_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub document_id: i64,
        pub registration_id: i64,
        pub event_id: i64,
        pub action: String,
        pub user_id: Option<i64>,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
