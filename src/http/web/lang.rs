//! Which locale a page is shown in: `?lang=` (remembered in a cookie), else the cookie,
//! else `Accept-Language`, else Japanese. The back-office (`/admin`) exists in the locales that
//! have `backoffice.ftl`; someone reading easy Japanese (`ja-x-easy`) sees it in Japanese.
use crate::i18n::Lang;
use poem::{FromRequest, Request, RequestBody, Response};
use serde::Serialize;

const COOKIE: &str = "lang";

pub struct PageLang {
    pub lang: Lang,
    /// The same page in each locale (this one marked current), for the language switch.
    pub switches: Vec<Switch>,
    /// Set when `?lang=` chose the language: remember it.
    remember: bool,
}

/// A link to the same page in another locale, named in that locale's own words.
#[derive(Debug, Clone, Serialize)]
pub struct Switch {
    pub current: bool,
    pub tag: &'static str,
    pub html_lang: &'static str,
    pub name: &'static str,
    pub url: String,
}

impl PageLang {
    pub fn from_request(req: &Request) -> Self {
        // The original URI: under a nested route (the back-office) `uri()` lacks the prefix.
        let uri = req.original_uri();
        let query = uri.query().unwrap_or_default();
        let from_query = url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v));
        let from_cookie = || {
            req.header("cookie")?
                .split(';')
                .filter_map(|c| c.trim().split_once('='))
                .find(|(k, _)| *k == COOKIE)
                .and_then(|(_, v)| Lang::parse(v))
        };
        let chosen = from_query
            .or_else(from_cookie)
            .or_else(|| {
                req.header("accept-language")
                    .and_then(Lang::from_accept_language)
            })
            .unwrap_or_default();
        let backoffice = uri.path().starts_with("/admin");
        let lang = if backoffice {
            chosen.for_backoffice()
        } else {
            chosen
        };
        let switches = Lang::all()
            .filter(|other| !backoffice || other.for_backoffice() == *other)
            .map(|other| Switch {
                current: other == lang,
                tag: other.tag(),
                html_lang: other.html_lang(),
                name: other.name(),
                url: with_query_param(uri.path(), query, "lang", other.tag()),
            })
            .collect();
        PageLang {
            lang,
            switches,
            // A back-office page must not overwrite a public choice such as easy Japanese.
            remember: from_query.is_some() && lang == chosen,
        }
    }

    /// Adds what every page response carries: the remembered language and cache hints.
    pub fn finish(&self, mut resp: Response) -> Response {
        if self.remember
            && let Ok(v) = format!(
                "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
                self.lang
            )
            .parse()
        {
            resp.headers_mut().append("set-cookie", v);
        }
        if let Ok(v) = "Accept-Language, Cookie".parse() {
            resp.headers_mut().insert("vary", v);
        }
        resp
    }
}

impl<'a> FromRequest<'a> for PageLang {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        Ok(PageLang::from_request(req))
    }
}

/// `path?query` with `key` set to `value` (replacing any earlier value).
pub fn with_query_param(path: &str, query: &str, key: &str, value: &str) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        if k != key {
            out.append_pair(&k, &v);
        }
    }
    out.append_pair(key, value);
    format!("{path}?{}", out.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn switch_url_keeps_filters() {
        assert_eq!(
            super::with_query_param("/events", "kind=seminar&lang=ja&q=%E6%9D%B1", "lang", "en"),
            "/events?kind=seminar&q=%E6%9D%B1&lang=en"
        );
    }
}
