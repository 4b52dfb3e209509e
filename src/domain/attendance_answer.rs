//! A registrant's answer to the attendance question before the day.
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceAnswer {
    WillCome,
    CannotCome,
}

impl AttendanceAnswer {
    pub fn code(self) -> &'static str {
        match self {
            AttendanceAnswer::WillCome => "will_come",
            AttendanceAnswer::CannotCome => "cannot_come",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "will_come" => Some(AttendanceAnswer::WillCome),
            "cannot_come" => Some(AttendanceAnswer::CannotCome),
            _ => None,
        }
    }

    /// The words of the answer: a Fluent message id.
    pub fn label(self) -> &'static str {
        match self {
            AttendanceAnswer::WillCome => "confirm-answer-will-come",
            AttendanceAnswer::CannotCome => "confirm-answer-cannot-come",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for a in [AttendanceAnswer::WillCome, AttendanceAnswer::CannotCome] {
            assert_eq!(AttendanceAnswer::from_code(a.code()), Some(a));
        }
        assert_eq!(AttendanceAnswer::from_code("maybe"), None);
    }
}
