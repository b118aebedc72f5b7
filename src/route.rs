//! Screen addresses. Routes live in the URL fragment (`#/incident/<id>`), so any static host
//! serves every screen from one `index.html`, under any subpath, with no rewrite rules.

use crate::model::{IncidentId, Step};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// All incidents.
    List,
    /// One incident, at a step; with no step, wherever the user was last.
    Incident(IncidentId, Option<Step>),
    /// One short screen for the first fifteen minutes: the essentials, the briefing, and
    /// "I told them", in the same fields as the steps.
    TellNow(IncidentId),
    /// Settings, backup and clearing data.
    Settings,
    /// Patterns across every incident.
    Insights,
    /// The personal pre-flight checklist built from every incident's checks.
    Checklist,
    /// An address Mend does not know.
    NotFound,
}

impl Route {
    /// Reads a `location.hash` value, with or without its leading `#`.
    pub fn from_hash(hash: &str) -> Self {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::List,
            ["incident", id] => id
                .parse()
                .map_or(Route::NotFound, |id| Route::Incident(id, None)),
            ["incident", id, "tell"] => id.parse().map_or(Route::NotFound, Route::TellNow),
            ["incident", id, step] => match (id.parse(), Step::from_slug(step)) {
                (Ok(id), Some(step)) => Route::Incident(id, Some(step)),
                _ => Route::NotFound,
            },
            ["settings"] => Route::Settings,
            ["insights"] => Route::Insights,
            ["checklist"] => Route::Checklist,
            _ => Route::NotFound,
        }
    }

    /// The `href` for links to this route; relative to the page, so subpaths keep working.
    pub fn href(&self) -> String {
        match self {
            Route::List | Route::NotFound => "#/".to_owned(),
            Route::Incident(id, None) => format!("#/incident/{id}"),
            Route::Incident(id, Some(step)) => format!("#/incident/{id}/{}", step.slug()),
            Route::TellNow(id) => format!("#/incident/{id}/tell"),
            Route::Settings => "#/settings".to_owned(),
            Route::Insights => "#/insights".to_owned(),
            Route::Checklist => "#/checklist".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_root_hashes_are_the_list() {
        for hash in ["", "#", "#/", "/"] {
            assert_eq!(Route::from_hash(hash), Route::List, "{hash:?}");
        }
    }

    #[test]
    fn incident_routes_round_trip() {
        let id = IncidentId::from_random_bytes([7; 16]);
        let route = Route::Incident(id, None);
        assert_eq!(Route::from_hash(&route.href()), route);
        assert_eq!(Route::from_hash(&format!("#/incident/{id}/")), route);
        for step in Step::ALL {
            let route = Route::Incident(id, Some(step));
            assert_eq!(Route::from_hash(&route.href()), route);
        }
        assert_eq!(
            Route::from_hash(&format!("#/incident/{id}/own-up")),
            Route::Incident(id, Some(Step::OwnUp))
        );
        let tell = Route::TellNow(id);
        assert_eq!(Route::from_hash(&tell.href()), tell);
        assert!(
            Step::ALL.iter().all(|s| s.slug() != "tell"),
            "no step is named tell"
        );
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        let id = IncidentId::from_random_bytes([7; 16]);
        let unknown_step = format!("#/incident/{id}/lunch");
        for hash in [
            "#/incident/nope",
            "#/incident",
            "#/settings/x/y",
            "#main",
            &unknown_step,
        ] {
            assert_eq!(Route::from_hash(hash), Route::NotFound, "{hash:?}");
        }
    }

    #[test]
    fn settings_insights_and_checklist_routes_round_trip() {
        assert_eq!(Route::from_hash("#/settings"), Route::Settings);
        for route in [Route::Settings, Route::Insights, Route::Checklist] {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }
}
