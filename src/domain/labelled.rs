//! A closed set of values with a stable code (stored and sent over the API) and the id of the
//! message that names it to people (`label-industry-manufacturing`, in `locales/*/labels.ftl`).
//! One declaration keeps the value, its code and its message id in step; the words are looked
//! up at the edge (`Lang::label`).

/// A value people see named: the id of the message that names it.
pub trait Labelled {
    fn label_id(&self) -> &'static str;
}

impl<T: Labelled + ?Sized> Labelled for &T {
    fn label_id(&self) -> &'static str {
        (**self).label_id()
    }
}

macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal => $label:literal; )+
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

            /// The id of the message that names this value (`locales/*/labels.ftl`).
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        impl $crate::domain::Labelled for $name {
            fn label_id(&self) -> &'static str {
                $name::label_id(*self)
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
