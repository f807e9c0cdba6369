//! One macro gives every public enum its text conventions from its `name()`.

/// `text_names!(Type: VariantA, VariantB, …)` gives an enum that has a
/// `name(self) -> &'static str` (its JSON spelling) the methods and traits of a
/// text-named type: `as_str()` (the same name), [`Display`](std::fmt::Display) (writes
/// it) and [`FromStr`](std::str::FromStr) (reads it back; an unknown name is an
/// [`Error`](crate::Error) of kind [`ErrorKind::UnknownName`](crate::ErrorKind)).
/// Every variant must be listed: the list is checked by an exhaustive `match`, so a
/// variant added to the enum and not here fails to compile. A new enum takes one line.
macro_rules! text_names {
    ($ty:ident: $first:ident $(, $variant:ident)* $(,)?) => {
        impl $ty {
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
                // every variant is listed (an exhaustive match inside the crate)
                let _listed = |v: $ty| match v {
                    $ty::$first $(| $ty::$variant)* => (),
                };
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
