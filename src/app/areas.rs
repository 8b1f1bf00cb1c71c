//! The strategy's development areas: added, edited, their status and its note changed.

use super::form::{Field, Form, FormKind, labels};
use super::state::App;
use crate::i18n::{self, Msg};
use crate::model::{Change, DevArea, DevAreaStatus, Id};

const STATUSES: [DevAreaStatus; 3] = [
    DevAreaStatus::NotStarted,
    DevAreaStatus::UnderWay,
    DevAreaStatus::Achieved,
];

/// Checkboxes of every development area in number order, ticked where `chosen`.
pub fn area_options(app: &App, chosen: &[Id]) -> Vec<(Id, String, bool)> {
    let mut areas: Vec<&DevArea> = app.doc.forum.dev_areas.iter().collect();
    areas.sort_by_key(|a| a.number);
    areas
        .into_iter()
        .map(|a| (a.id.clone(), a.number.to_string(), chosen.contains(&a.id)))
        .collect()
}

/// The goal areas an area can belong to (or none), with their names.
fn goal_options(app: &App) -> (Vec<Option<Id>>, Vec<String>) {
    let mut ids = vec![None];
    let mut labels = vec!["–".to_string()];
    for g in &app.doc.forum.goal_areas {
        ids.push(Some(g.id.clone()));
        labels.push(format!("{} {}", app.t(Msg::GoalArea), g.number));
    }
    (ids, labels)
}

/// The form for a new development area or an existing one.
pub struct AreaForm;

impl AreaForm {
    pub fn open(app: &mut App, id: Option<Id>) {
        let area = id.as_deref().and_then(|i| app.doc.forum.dev_area(i));
        let (goals, labels) = goal_options(app);
        let goal = area
            .and_then(|a| goals.iter().position(|g| *g == a.goal_area))
            .unwrap_or(1.min(goals.len() - 1));
        let fields = vec![
            Field::text(
                Msg::FieldTitle,
                area.map(|a| a.title.as_str()).unwrap_or(""),
            ),
            Field::choice(Msg::GoalArea, labels, goal),
        ];
        app.open_form(id.map_or(FormKind::NewArea, FormKind::EditArea), fields);
    }

    pub fn submit(app: &mut App, id: Option<&Id>, f: &Form) -> Result<Vec<Change>, String> {
        let title = app.required(f.text(Msg::FieldTitle), Msg::TitleRequired)?;
        let (goals, _) = goal_options(app);
        let goal_area = goals.get(f.choice(Msg::GoalArea)).cloned().flatten();
        let area = match id {
            Some(id) => {
                let old = app
                    .doc
                    .forum
                    .dev_area(id)
                    .cloned()
                    .ok_or_else(|| app.t(Msg::SelectAnArea).to_string())?;
                DevArea {
                    title,
                    goal_area,
                    ..old
                }
            }
            None => DevArea {
                id: app.ids.new_id("uo"),
                number: next_area_number(app),
                title,
                goal_area,
                status: DevAreaStatus::NotStarted,
                status_note: String::new(),
                history: Vec::new(),
            },
        };
        Ok(vec![Change::DevAreaPut { area }])
    }
}

fn next_area_number(app: &App) -> u32 {
    app.doc
        .forum
        .dev_areas
        .iter()
        .map(|a| a.number)
        .max()
        .unwrap_or(0)
        + 1
}

/// The form for an area's status and its note (`s` on an area).
pub struct AreaStatusForm;

impl AreaStatusForm {
    pub fn open(app: &mut App, id: Id) {
        let Some(area) = app.doc.forum.dev_area(&id) else {
            return;
        };
        let names = labels(&STATUSES, |s| i18n::dev_area_status(app.lang, s));
        let current = STATUSES.iter().position(|s| *s == area.status).unwrap_or(0);
        let fields = vec![
            Field::choice(Msg::Status, names, current),
            Field::text(Msg::FieldStatusNote, &area.status_note),
        ];
        let title = format!(
            "{}: {}. {}",
            app.t(Msg::AreaStatus),
            area.number,
            area.title
        );
        app.open_titled_form(FormKind::AreaStatus(id), title, fields);
    }

    pub fn submit(app: &App, id: &Id, f: &Form) -> Result<Vec<Change>, String> {
        let status = STATUSES[f.choice(Msg::Status).min(STATUSES.len() - 1)];
        Ok(vec![Change::DevAreaStatus {
            area: id.clone(),
            status,
            note: f.text(Msg::FieldStatusNote),
            meeting: app.meeting.clone(),
        }])
    }
}
