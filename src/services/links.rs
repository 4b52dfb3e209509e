//! Manage links (`/r/{token}`): 128 random bits each. The database keeps the token's SHA-256
//! for lookup and a copy sealed with the link key (XChaCha20-Poly1305), so that every later
//! email can carry the same link without the token being readable from a stolen database.
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};

pub struct ManageLinks {
    cipher: XChaCha20Poly1305,
    /// Signs unsubscribe links (`/u/{token}`), which an attendee copy carries without giving
    /// the attendee the registration's manage link.
    unsubscribe_key: [u8; 32],
}

/// Who an unsubscribe link speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subscriber {
    /// The contact person of a registration.
    Contact(i64),
    Attendee(i64),
}

/// A fresh token and what the database keeps of it.
pub struct NewToken {
    pub token: String,
    pub hash: String,
    pub sealed: String,
}

impl ManageLinks {
    /// `key` is the configured secret (32+ characters); the cipher key is its SHA-256.
    pub fn new(key: &str) -> Self {
        let cipher_key = Sha256::digest(format!("uketsuke manage links\0{key}").as_bytes());
        let unsubscribe_key =
            Sha256::digest(format!("uketsuke unsubscribe links\0{key}").as_bytes()).into();
        ManageLinks {
            cipher: XChaCha20Poly1305::new(&cipher_key),
            unsubscribe_key,
        }
    }

    /// `r12-<mac>` for the contact of registration 12, `a34-<mac>` for attendee 34.
    pub fn unsubscribe_token(&self, who: Subscriber) -> String {
        let subject = match who {
            Subscriber::Contact(id) => format!("r{id}"),
            Subscriber::Attendee(id) => format!("a{id}"),
        };
        let mac = self.unsubscribe_mac(&subject);
        format!("{subject}-{}", hex::encode(&mac[..16]))
    }

    /// The subscriber a token speaks for, if it is one we signed.
    pub fn verify_unsubscribe(&self, token: &str) -> Option<Subscriber> {
        match self.verify(token)? {
            (b'r', id) => Some(Subscriber::Contact(id)),
            (b'a', id) => Some(Subscriber::Attendee(id)),
            _ => None,
        }
    }

    /// The check-in code of an attendee, carried by the QR code in their email: `k34-<mac>`.
    pub fn checkin_token(&self, attendee_id: i64) -> String {
        let subject = format!("k{attendee_id}");
        let mac = self.unsubscribe_mac(&subject);
        format!("{subject}-{}", hex::encode(&mac[..16]))
    }

    /// The attendee a check-in code stands for, if we signed it.
    pub fn verify_checkin(&self, token: &str) -> Option<i64> {
        match self.verify(token)? {
            (b'k', id) => Some(id),
            _ => None,
        }
    }

    /// The attendance question's link of a registration, carried by its email: `c12-<mac>`.
    pub fn attendance_token(&self, registration_id: i64) -> String {
        let subject = format!("c{registration_id}");
        let mac = self.unsubscribe_mac(&subject);
        format!("{subject}-{}", hex::encode(&mac[..16]))
    }

    /// An attendee's personal join link for an online meeting: `j34-<mac>`. A purpose of its
    /// own, so a check-in code opens no meeting and a join link checks nobody in.
    pub fn join_token(&self, attendee_id: i64) -> String {
        let subject = format!("j{attendee_id}");
        let mac = self.unsubscribe_mac(&subject);
        format!("{subject}-{}", hex::encode(&mac[..16]))
    }

    /// The registration an attendance link stands for, if we signed it.
    pub fn verify_attendance(&self, token: &str) -> Option<i64> {
        match self.verify(token)? {
            (b'c', id) => Some(id),
            _ => None,
        }
    }

    /// The attendee a join link stands for, if we signed it.
    pub fn verify_join(&self, token: &str) -> Option<i64> {
        match self.verify(token)? {
            (b'j', id) => Some(id),
            _ => None,
        }
    }

    /// `x123-<mac>` → (`x`, 123) when the MAC is ours and whole.
    fn verify(&self, token: &str) -> Option<(u8, i64)> {
        let (subject, mac) = token.split_once('-')?;
        let mac = hex::decode(mac).ok()?;
        if mac.len() != 16 {
            return None;
        }
        let mut check = <Hmac<Sha256> as Mac>::new_from_slice(&self.unsubscribe_key).ok()?;
        check.update(subject.as_bytes());
        check.verify_truncated_left(&mac).ok()?;
        let id: i64 = subject.get(1..)?.parse().ok()?;
        Some((*subject.as_bytes().first()?, id))
    }

    fn unsubscribe_mac(&self, subject: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.unsubscribe_key)
            .expect("HMAC takes any key length");
        mac.update(subject.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    pub fn issue(&self) -> NewToken {
        let mut raw = [0u8; 16];
        rand::rng().fill(&mut raw);
        let token = hex::encode(raw);
        let mut nonce = [0u8; 24];
        rand::rng().fill(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), token.as_bytes())
            .expect("encrypting 32 bytes cannot fail");
        NewToken {
            hash: Self::hash(&token),
            sealed: format!("{}{}", hex::encode(nonce), hex::encode(sealed)),
            token,
        }
    }

    pub fn hash(token: &str) -> String {
        hex::encode(Sha256::digest(token.as_bytes()))
    }

    /// A token looks like one we issue (32 hex characters); anything else is not looked up.
    pub fn is_well_formed(token: &str) -> bool {
        token.len() == 32
            && token
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }

    pub fn unseal(&self, sealed: &str) -> anyhow::Result<String> {
        let bytes = hex::decode(sealed)?;
        anyhow::ensure!(bytes.len() > 24, "sealed token too short");
        let (nonce, ciphertext) = bytes.split_at(24);
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(nonce), ciphertext)
            .map_err(|_| anyhow::anyhow!("sealed token does not open with this link key"))?;
        Ok(String::from_utf8(plain)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_differ() {
        let links = ManageLinks::new("a-link-key-of-at-least-32-characters!!");
        let a = links.issue();
        let b = links.issue();
        assert_ne!(a.token, b.token);
        assert!(ManageLinks::is_well_formed(&a.token));
        assert_eq!(links.unseal(&a.sealed).unwrap(), a.token);
        assert_eq!(ManageLinks::hash(&a.token), a.hash);
        let other = ManageLinks::new("another-key-of-at-least-32-characters!!");
        assert!(other.unseal(&a.sealed).is_err());
    }

    #[test]
    fn unsubscribe_tokens_verify_only_with_their_key_and_subject() {
        let links = ManageLinks::new("a-link-key-of-at-least-32-characters!!");
        let other = ManageLinks::new("another-link-key-of-32-characters-or-more");
        for who in [Subscriber::Contact(12), Subscriber::Attendee(34)] {
            let token = links.unsubscribe_token(who);
            assert_eq!(links.verify_unsubscribe(&token), Some(who));
            assert_eq!(other.verify_unsubscribe(&token), None);
        }
        let token = links.unsubscribe_token(Subscriber::Contact(12));
        let forged = token.replacen("r12", "r13", 1);
        assert_eq!(links.verify_unsubscribe(&forged), None);
        let (subject, mac) = token.split_once('-').unwrap();
        assert_eq!(
            links.verify_unsubscribe(&format!("{subject}-{}", &mac[..8])),
            None
        );
        assert_eq!(links.verify_unsubscribe("r12"), None);
        assert_eq!(links.verify_unsubscribe("x12-00"), None);
        // A check-in code is not an unsubscribe link, nor the other way round.
        let code = links.checkin_token(34);
        assert_eq!(links.verify_checkin(&code), Some(34));
        assert_eq!(links.verify_unsubscribe(&code), None);
        assert_eq!(
            links.verify_checkin(&links.unsubscribe_token(Subscriber::Attendee(34))),
            None
        );
        assert_eq!(other.verify_checkin(&code), None);
        assert_eq!(links.verify_checkin(&code.replacen("k34", "k35", 1)), None);
    }

    #[test]
    fn attendance_links_are_not_check_in_or_unsubscribe_codes() {
        let links = ManageLinks::new(&"k".repeat(32));
        let token = links.attendance_token(12);
        assert!(token.starts_with("c12-"));
        assert_eq!(links.verify_attendance(&token), Some(12));
        assert_eq!(links.verify_attendance(&links.checkin_token(12)), None);
        assert_eq!(
            links.verify_attendance(&links.unsubscribe_token(Subscriber::Contact(12))),
            None
        );
        assert_eq!(
            links.verify_attendance(&token.replacen("c12", "c13", 1)),
            None
        );
        assert_eq!(
            ManageLinks::new(&"x".repeat(32)).verify_attendance(&token),
            None
        );
    }
}
