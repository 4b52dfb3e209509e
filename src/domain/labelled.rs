//! A closed set of values with a stable code (stored and sent over the API) and a label in
//! Japanese and English (shown to people). One declaration keeps all three in step.

macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, ja: $ja:literal, en: $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, poem_openapi::Enum,
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $code)]
                #[oai(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in URLs and the API.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self, lang: $crate::domain::Language) -> &'static str {
                match lang {
                    $crate::domain::Language::Ja => match self { $($name::$variant => $ja),+ },
                    $crate::domain::Language::En => match self { $($name::$variant => $en),+ },
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::labelled::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::domain::labelled::UnknownCode {
                        kind: stringify!($name),
                        code: s.to_owned(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

#[derive(Debug, thiserror::Error)]
#[error("unknown {kind} code {code:?}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}
