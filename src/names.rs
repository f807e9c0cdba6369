//! One macro gives every public enum its names and text conventions from one list.

/// ```text
/// text_names! {
///     /// The doc of `name()`.
///     Type {
///         VariantA => "variant-a",
///         VariantB => "variant-b",
///     }
/// }
/// ```
///
/// gives an enum its names from one list, the only place they are written: `name(self)
/// -> &'static str` (its JSON spelling, with the doc given), `as_str()` (the same
/// name), [`Display`](std::fmt::Display) (writes it) and
/// [`FromStr`](std::str::FromStr) (reads it back; an unknown name is an
/// [`Error`](crate::Error) of kind [`ErrorKind::UnknownName`](crate::ErrorKind)).
/// `name()` is an exhaustive `match` over the list, so a variant added to the enum and
/// not here fails to compile, and `FromStr` searches the same list.
macro_rules! text_names {
    (
        $(#[$doc:meta])*
        $ty:ident {
            $first:ident => $first_name:literal
            $(, $variant:ident => $name:literal)* $(,)?
        }
    ) => {
        impl $ty {
            $(#[$doc])*
            pub fn name(self) -> &'static str {
                match self {
                    $ty::$first => $first_name,
                    $($ty::$variant => $name,)*
                }
            }

            /// The name, as written in JSON output, by `Display` and read by `FromStr`
            /// (the same as `name()`).
            ///
            #[doc = concat!(
                "```\nuse whosaid::", stringify!($ty), ";\nlet v = ", stringify!($ty),
                "::", stringify!($first), ";\nassert_eq!(v.as_str(), v.name());\n",
                "assert_eq!(v.to_string(), v.as_str());\n",
                "assert_eq!(v.as_str().parse::<", stringify!($ty), ">().unwrap(), v);\n",
                "assert!(\"no such name\".parse::<", stringify!($ty), ">().is_err());\n```"
            )]
            pub fn as_str(self) -> &'static str {
                self.name()
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = crate::error::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                [$ty::$first $(, $ty::$variant)*]
                    .into_iter()
                    .find(|v| v.name() == s)
                    .ok_or_else(|| {
                        crate::error::Error::new(
                            crate::error::ErrorKind::UnknownName,
                            format!("{s:?} is not the name of a {}", stringify!($ty)),
                        )
                    })
            }
        }
    };
}
