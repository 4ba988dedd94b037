"""The Dutch spaCy pipeline: install, build offline, load and describe."""

from bot.nlp.pipeline import PipelineInfo, active_pipeline_info, load_pipeline

__all__ = ["PipelineInfo", "active_pipeline_info", "load_pipeline"]
