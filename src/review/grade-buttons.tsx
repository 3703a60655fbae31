import { formatInterval } from '../srs/format-interval';
import { RATING_NAMES, RATINGS, type Rating } from '../srs/types';
import { useIntervalPreview, useReview } from './review-store-context';

/** The four grades, each with the interval it would give; `proposed` marks the one a coding card's tests suggest. */
export function GradeButtons({ legend, proposed }: { legend: string; proposed?: Rating }) {
  const grade = useReview((s) => s.grade);
  const busy = useReview((s) => s.busy);
  const shownAt = useReview((s) => s.shownAt);
  const preview = useIntervalPreview();
  return (
    <fieldset className="grade-bar">
      <legend className="visually-hidden">{legend}</legend>
      {RATINGS.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`button grade grade-${rating}${rating === proposed ? ' proposed' : ''}`}
          disabled={busy}
          onClick={() => void grade(rating)}
        >
          <span className="grade-name">{RATING_NAMES[rating]}</span>
          <span className="grade-interval">{preview ? formatInterval(preview[rating] - shownAt) : ''}</span>
          {rating === proposed && <span className="grade-proposed">proposed</span>}
          <kbd>{rating}</kbd>
        </button>
      ))}
    </fieldset>
  );
}
