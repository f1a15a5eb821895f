//! Evaluation against public gold data (TempEval-3, PolNeAR, SemEval-2015 TimeLine).

pub mod quotes_eval;
pub mod timeml;
pub mod timex_eval;
