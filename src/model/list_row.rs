//! One incident as the list shows it, all but what depends on the day: made from the record,
//! and kept in the list's index (`persist::index`) so that a large store's list can be drawn
//! before its records are read.

use super::milestones::{self, Next, Plan};
use super::{Day, Incident, IncidentId, Status, Timestamp};
use crate::json::{self, Json, ReadError, Reader, Writer};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListRow {
    pub id: IncidentId,
    /// As the list shows it (`model::title::shown_titles`), in discreet mode too.
    pub title: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub status: Status,
    pub archived: bool,
    /// When it was noticed, while the boss has not been told (and it is not archived).
    pub untold_since: Option<Timestamp>,
    pub plan: Plan,
}

/// Kept as an array in this order (id, title, created_at, updated_at, status, archived,
/// untold_since, plan), without its member names, which were 43 % of the index; read with its
/// id required, since a row without one leads nowhere.
impl Json for ListRow {
    fn write(&self, w: &mut Writer) {
        w.open('[');
        w.item(&self.id);
        w.item(&self.title);
        w.item(&self.created_at);
        w.item(&self.updated_at);
        w.item(&self.status);
        w.item(&self.archived);
        w.item(&self.untold_since);
        w.item(&self.plan);
        w.close(']');
    }

    fn read(r: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut id = None;
        let mut row = ListRow {
            id: IncidentId::from_random_bytes([0; 16]),
            title: String::new(),
            created_at: Timestamp::EPOCH,
            updated_at: Timestamp::EPOCH,
            status: Status::NotTold,
            archived: false,
            untold_since: None,
            plan: Plan::default(),
        };
        json::read_places(r, &mut |at, r| {
            match at {
                0 => id = Some(Json::read(r)?),
                1 => row.title = Json::read(r)?,
                2 => row.created_at = Json::read(r)?,
                3 => row.updated_at = Json::read(r)?,
                4 => row.status = Json::read(r)?,
                5 => row.archived = Json::read(r)?,
                6 => row.untold_since = Json::read(r)?,
                7 => row.plan = Json::read(r)?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        row.id = id.ok_or(ReadError {
            what: "a row with its id",
            at: r.position(),
        })?;
        Ok(row)
    }
}

impl ListRow {
    /// `title` is the incident's title as the list shows it; `local_day` turns a moment into
    /// the person's own calendar day.
    pub fn of(incident: &Incident, title: String, local_day: &dyn Fn(Timestamp) -> Day) -> Self {
        Self {
            id: incident.id,
            title,
            created_at: incident.created_at,
            updated_at: incident.updated_at,
            status: super::status::status(incident),
            archived: incident.archived,
            untold_since: incident
                .noticed_at
                .filter(|_| milestones::waiting_to_tell(incident)),
            plan: milestones::plan(incident, local_day),
        }
    }

    /// What to do next on `today`; none once archived.
    pub fn next(&self, today: Day) -> Option<Next> {
        (!self.archived).then(|| self.plan.next(today)).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::FixItem;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn a_row_says_the_same_next_action_as_the_record_on_any_day() {
        let start = Timestamp::from_millis(1_764_000_000_000).unwrap();
        let mut incident = Incident::new(IncidentId::from_random_bytes([7; 16]), start);
        let local_day = |t: Timestamp| Day::of_utc(t);
        let days = [
            "2025-11-20",
            "2025-11-25",
            "2025-11-26",
            "2025-12-30",
            "2026-03-01",
        ];
        let check = |incident: &Incident| {
            let row = ListRow::of(incident, "A title".into(), &local_day);
            for today in days.map(day) {
                assert_eq!(
                    row.next(today),
                    milestones::next(incident, today, local_day),
                    "on {today}"
                );
            }
        };
        check(&incident);
        incident.steps.own_up.told_at = Some(start);
        check(&incident);
        let mut item = FixItem::default();
        item.due.0 = "2025-11-25".into();
        incident.steps.fix.items.push(item);
        check(&incident);
        incident.steps.step_it_up.resolved_at = Some(start);
        check(&incident);
        incident.archived = true;
        assert_eq!(
            ListRow::of(&incident, String::new(), &local_day).next(day("2026-03-01")),
            None
        );
    }
}
